"""Differential cases: meta query, data pipeline, cloud boxes, regions, bucket metadata
tables, storage quota, access points for object process. LiveChannel and AsyncFetch are
not in alibabacloud-oss-v2 (compared with ali-oss in bindings/node/test/ali-cases/bucket_c.js)."""

from diff_common import BUCKET, V2

from ossio import ops

CASES = []

NOT_IN_V2 = {
    "PutLiveChannel",
    "GetLiveChannelInfo",
    "GetLiveChannelStat",
    "PutLiveChannelStatus",
    "ListLiveChannel",
    "GetLiveChannelHistory",
    "PostVodPlaylist",
    "DeleteLiveChannel",
    "PostAsyncFetch",
    "GetAsyncFetch",
}
