// Differential cases against ali-oss: LiveChannel (lib/rtmp.js) and AsyncFetch
// (lib/common/object/{post,get}AsyncFetch.js); the other operations of this group are not in
// ali-oss 6.23.0.
'use strict';

const B = 'examplebucket';
const CONF = {
  description: 'live show',
  status: 'enabled',
  target: { type: 'HLS', fragDuration: 10, fragCount: 5, playlistName: 'show.m3u8' },
  snapshot: { roleName: 'snap-role', destBucket: 'snapbucket', notifyTopic: 'snap-topic', interval: 5 },
};
const ALI_CONF = {
  Description: 'live show',
  Status: 'enabled',
  Target: { Type: 'HLS', FragDuration: 10, FragCount: 5, PlaylistName: 'show.m3u8' },
  Snapshot: { RoleName: 'snap-role', DestBucket: 'snapbucket', NotifyTopic: 'snap-topic', Interval: 5 },
};

exports.BUILT = [
  ['PutLiveChannel', { bucket: B, channelName: 'channel-1', liveChannelConfiguration: CONF },
    (c) => c.putChannel('channel-1', ALI_CONF)],
  ['PutLiveChannel', { bucket: B, channelName: 'channel-2', liveChannelConfiguration: { status: 'disabled', target: { type: 'HLS' } } },
    (c) => c.putChannel('channel-2', { Status: 'disabled', Target: { Type: 'HLS' } })],
  ['GetLiveChannelInfo', { bucket: B, channelName: 'channel-1' }, (c) => c.getChannel('channel-1')],
  ['GetLiveChannelStat', { bucket: B, channelName: 'channel-1' }, (c) => c.getChannelStatus('channel-1')],
  ['PutLiveChannelStatus', { bucket: B, channelName: 'channel-1', status: 'disabled' },
    (c) => c.putChannelStatus('channel-1', 'disabled')],
  ['PutLiveChannelStatus', { bucket: B, channelName: 'channel-1', status: 'enabled' },
    (c) => c.putChannelStatus('channel-1', 'enabled')],
  ['ListLiveChannel', { bucket: B }, (c) => c.listChannels({})],
  ['ListLiveChannel', { bucket: B, prefix: 'chan', marker: 'channel-0', maxKeys: 20 },
    (c) => c.listChannels({ prefix: 'chan', marker: 'channel-0', 'max-keys': 20 })],
  ['GetLiveChannelHistory', { bucket: B, channelName: 'channel-1' }, (c) => c.getChannelHistory('channel-1')],
  ['PostVodPlaylist', { bucket: B, key: 'channel-1/vod.m3u8', startTime: 1700000000, endTime: 1700003600 },
    (c) => c.createVod('channel-1', 'vod.m3u8', { startTime: 1700000000, endTime: 1700003600 })],
  ['DeleteLiveChannel', { bucket: B, channelName: 'channel-1' }, (c) => c.deleteChannel('channel-1')],
  // ali-oss writes every element, empty or not, and does not escape the URL: the case gives
  // every field a value and a URL without '&'.
  ['PostAsyncFetch', {
    bucket: B,
    asyncFetchTaskConfiguration: {
      url: 'https://example.com/images/a.jpg', object: 'fetched/a.jpg', host: 'example.com',
      contentMd5: 'XrY7u+Ae7tCTyyK7j1rNww==', callback: 'eyJjYWxsYmFja1VybCI6IjEuMi4zLjQifQ==',
      storageClass: 'IA', ignoreSameKey: false,
    },
  }, (c) => c.postAsyncFetch('fetched/a.jpg', 'https://example.com/images/a.jpg', {
    host: 'example.com', contentMD5: 'XrY7u+Ae7tCTyyK7j1rNww==', callback: 'eyJjYWxsYmFja1VybCI6IjEuMi4zLjQifQ==',
    storageClass: 'IA', ignoreSameKey: false,
  })],
  ['GetAsyncFetch', { bucket: B, taskId: 'A1B2C3D4E5F6' }, (c) => c.getAsyncFetch('A1B2C3D4E5F6')],
];

exports.ABSENT = [
  'OpenMetaQuery', 'GetMetaQueryStatus', 'DoMetaQuery', 'CloseMetaQuery', 'DoMetaQueryAction',
  'DoDataPipelineAction', 'ListCloudBoxes', 'DescribeRegions',
  'CreateBucketMetadataConfiguration', 'GetBucketMetadataConfiguration', 'DeleteBucketMetadataConfiguration',
  'UpdateBucketMetadataInventoryTableConfiguration', 'UpdateBucketMetadataJournalTableConfiguration',
  'PutBucketStorageQuota', 'GetBucketStorageQuota', 'DeleteBucketStorageQuota',
  'WriteGetObjectResponse',
];
