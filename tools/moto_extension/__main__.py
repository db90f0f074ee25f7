"""moto's server with the extension loaded: `PYTHONPATH=tools python -m moto_extension [moto_server arguments]`.

moto builds its map of CloudFormation models once, from CloudFormationModel's subclasses, on the first
CloudFormation call; importing the extension before the server starts is what registers its models.
"""

import sys

import moto_extension  # noqa: F401
from moto.server import main

main(sys.argv[1:])
