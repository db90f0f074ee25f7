"""Reads a synthesized cloud assembly (cdk.out, or target/template-checks/<configuration>/): its stacks' templates,
their nested stacks' templates, and the files of its assets. Shared by the operator tools that read what the app
synthesized (tools/deploy_readback.py, tools/time_to_page.py), so none of them keeps its own reading of it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class AssemblyError(Exception):
    """The directory is not a cloud assembly this reader understands; the message says why, in one line."""


def stack_artifacts(app: Path) -> dict[str, dict]:
    """Stack name → its artifact in the assembly's manifest (properties.templateFile, environment)."""
    manifest_file = app / "manifest.json"
    if not manifest_file.is_file():
        raise AssemblyError(f"no cloud assembly at {app} (no manifest.json): synthesize first")
    manifest = json.loads(manifest_file.read_text())
    return {artifact["properties"].get("stackName", artifact_id): artifact
            for artifact_id, artifact in manifest["artifacts"].items()
            if artifact.get("type") == "aws:cloudformation:stack"}


def stack_templates(app: Path) -> dict[str, dict]:
    """Stack name → template, for each stack of the assembly (nested stacks come with their parent's resources)."""
    return {stack: json.loads((app / artifact["properties"]["templateFile"]).read_text())
            for stack, artifact in stack_artifacts(app).items()}


def stack_region(artifact: dict) -> str | None:
    """The Region a stack artifact names, or None for an environment-agnostic stack (the caller's default Region)."""
    region = artifact.get("environment", "").rpartition("/")[2]
    return None if region in ("", "unknown-region") else region


def asset_paths(app: Path) -> dict[str, Path]:
    """Asset hash → its file or directory in the assembly, from every asset manifest of the assembly."""
    paths = {}
    for manifest in sorted(app.glob("*.assets.json")):
        for asset_hash, asset in json.loads(manifest.read_text()).get("files", {}).items():
            paths[asset_hash] = app / asset["source"]["path"]
    return paths


def nested_template(app: Path, resource: dict) -> dict:
    """The template of an AWS::CloudFormation::Stack resource: the CLI records its file as asset metadata; a synth
    without the CLI (the template checks) does not, so there the template URL's asset hash names the file."""
    path = resource.get("Metadata", {}).get("aws:asset:path")
    if path:
        return json.loads((app / path).read_text())
    url = json.dumps(resource["Properties"]["TemplateURL"])
    for asset_hash, asset in asset_paths(app).items():
        if asset_hash in url and asset.is_file():
            return json.loads(asset.read_text())
    raise AssemblyError(f"cannot find the template of a nested stack in {app} (template URL {url[:200]})")


def resources_with_nested(app: Path, template: dict) -> dict[str, dict]:
    """Logical id → resource, for a stack and all its nested stacks, as one graph: in a nested stack a `Ref` to one
    of its parameters becomes what the parent passes, and in the parent a `Fn::GetAtt [stack, Outputs.NAME]`
    becomes that output's value, so references cross stacks the way CloudFormation resolves them."""
    resources: dict[str, dict] = {}
    outputs: dict[str, Any] = {}
    nested = []
    for resource in template.get("Resources", {}).values():
        if resource["Type"] == "AWS::CloudFormation::Stack":
            child = nested_template(app, resource)
            child_resources = resources_with_nested(app, child)
            nested.append((resource.get("Properties", {}).get("Parameters", {}), child_resources))
            for name, output in child.get("Outputs", {}).items():
                outputs["Outputs." + name] = output["Value"]
    for logical, resource in template.get("Resources", {}).items():
        resources[logical] = _rewrite(resource, lambda node: _output_value(node, outputs))
    for passed, child_resources in nested:
        for logical, resource in child_resources.items():
            if logical in resources:
                raise AssemblyError(f"logical id {logical} appears in two stacks of {app}")
            resources[logical] = _rewrite(resource, lambda node, passed=passed: _parameter_value(node, passed))
    return resources


def _output_value(node: dict, outputs: dict[str, Any]) -> Any:
    get_att = node.get("Fn::GetAtt") if len(node) == 1 else None
    if isinstance(get_att, list) and len(get_att) == 2 and str(get_att[1]) in outputs:
        return outputs[str(get_att[1])]
    return None


def _parameter_value(node: dict, parameters: dict[str, Any]) -> Any:
    ref = node.get("Ref") if len(node) == 1 else None
    return parameters.get(ref) if isinstance(ref, str) else None


def _rewrite(node: Any, replacement) -> Any:
    """A copy of a JSON tree in which each object that `replacement` maps to something other than None is replaced."""
    if isinstance(node, dict):
        replaced = replacement(node)
        if replaced is not None:
            return replaced
        return {key: _rewrite(value, replacement) for key, value in node.items()}
    if isinstance(node, list):
        return [_rewrite(value, replacement) for value in node]
    return node
