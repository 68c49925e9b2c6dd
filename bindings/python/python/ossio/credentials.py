"""Where ``ossio.Client`` gets credentials: ``ossio.Client(credentials=...)`` takes an
``ossio.Credentials`` (fixed keys) or one of these providers. Without ``credentials``, the
client uses ``DefaultChain()``.

* ``Environment()``: ``OSS_ACCESS_KEY_ID`` / ``OSS_ACCESS_KEY_SECRET`` / ``OSS_SESSION_TOKEN``
  or the ``ALIBABA_CLOUD_*`` names.
* ``OidcRoleArn(...)``: STS ``AssumeRoleWithOIDC`` (Kubernetes RRSA, CI jobs); without
  arguments ``ALIBABA_CLOUD_ROLE_ARN``, ``ALIBABA_CLOUD_OIDC_PROVIDER_ARN`` and
  ``ALIBABA_CLOUD_OIDC_TOKEN_FILE``.
* ``AssumeRole(source, role_arn, ...)``: STS ``AssumeRole`` with another provider's
  credentials (it chains).
* ``EcsRamRole(...)``: the ECS instance's RAM role from the metadata service.
* ``CliProfile(...)`` and ``ProfileFile(...)``: the aliyun CLI's ``config.json`` and the ini
  file ``~/.alibabacloud/credentials``.
* ``CredentialsUri(...)`` and ``Process(command)``: a sidecar URI, an external command.
* ``DefaultChain()``: the official libraries' order; ``answered_by`` says which answered.

Temporary credentials are refreshed ahead of expiry by one thread while the others keep
using the valid ones. ``repr`` and errors never show a secret.
"""

from ._ossio import (
    AssumeRole,
    CliProfile,
    CredentialsUri,
    DefaultChain,
    EcsRamRole,
    Environment,
    OidcRoleArn,
    Process,
    ProfileFile,
    Provider,
)

__all__ = [
    "AssumeRole",
    "CliProfile",
    "CredentialsUri",
    "DefaultChain",
    "EcsRamRole",
    "Environment",
    "OidcRoleArn",
    "Process",
    "ProfileFile",
    "Provider",
]
