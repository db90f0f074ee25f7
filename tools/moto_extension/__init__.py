"""moto 5.2.5 plus the CloudFormation models this project's stack needs (see cloudformation.py for the gaps)."""

from moto_extension import cloudformation  # noqa: F401  (registers the models when imported)
