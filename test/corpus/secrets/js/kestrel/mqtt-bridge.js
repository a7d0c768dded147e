import mqtt from 'mqtt';
import { WebClient } from '@slack/web-api';

// Bridges set-top box crash reports to the on-call channel.
const client = mqtt.connect('mqtts://stb-bridge:yJWcqb2HFmAJS90UUWUWUczb@mqtt.kestrel.tv:8883', {
  clientId: `bridge-${process.pid}`,
  clean: true,
});

const slack = new WebClient('xoxb-925487335535-8632507096174-gB3eHgBjyVaNYZLRqe1sRDYl');

client.on('connect', () => client.subscribe('stb/+/crash'));
client.on('message', async (topic, payload) => {
  await slack.chat.postMessage({ channel: '#stb-oncall', text: `${topic}: ${payload}` });
});

export const PASSWORD_MIN_LENGTH = 12;
export const TOKEN_HEADER = 'X-Bridge-Token';
