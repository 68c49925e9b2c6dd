"""What the differential request tables share: the names and values both SDKs are given.

Each ``diff_cases_<family>.py`` module next to this one holds a ``CASES`` list of
``(operation name, ossio op, call on an alibabacloud_oss_v2.Client)``;
``test_requests_differential.py`` runs them all.
"""

import alibabacloud_oss_v2 as oss

BUCKET = "examplebucket"
KEY = "dir/a b+c~é.txt"
REGION = "cn-hangzhou"
V2 = oss.models
