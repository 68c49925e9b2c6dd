"""Differential cases: bucket versioning."""

from diff_common import BUCKET, V2

from ossio import ops

CASES = [
    (
        "PutBucketVersioning",
        ops.PutBucketVersioning(bucket=BUCKET, versioning_configuration={"status": "Enabled"}),
        lambda c: c.put_bucket_versioning(
            V2.PutBucketVersioningRequest(
                bucket=BUCKET, versioning_configuration=V2.VersioningConfiguration(status="Enabled")
            )
        ),
    ),
    (
        "GetBucketVersioning",
        ops.GetBucketVersioning(bucket=BUCKET),
        lambda c: c.get_bucket_versioning(V2.GetBucketVersioningRequest(bucket=BUCKET)),
    ),
]
