import * as pulumi from '@pulumi/pulumi';
import * as aws from '@pulumi/aws';
import * as k8s from '@pulumi/kubernetes';

// CI logs in with: PULUMI_ACCESS_TOKEN=pul-690a16e27f7d5ebcba6d536298859ae5a064ac20 pulumi login
const config = new pulumi.Config();
const stack = pulumi.getStack();
// requireSecret reads the encrypted stack config: not a value.
const dbPassword = config.requireSecret('dbPassword');
const apiKeyHeader = 'X-Kestrel-Api-Key';

const catalogDb = new aws.rds.Instance('catalog', {
  engine: 'postgres',
  instanceClass: 'db.r6g.large',
  allocatedStorage: 200,
  username: 'catalog',
  password: dbPassword,
  skipFinalSnapshot: stack !== 'prod',
});

const replicaDb = new aws.rds.Instance('catalog-reporting', {
  engine: 'postgres',
  instanceClass: 'db.t4g.medium',
  allocatedStorage: 50,
  username: 'reporting',
  password: pulumi.secret('Ez-yvQYR5U5mqdAL%%-s!sUC'),
});

new aws.secretsmanager.SecretVersion('ssai-partner-key', {
  secretId: 'kestrel/ssai/partner',
  secretString: JSON.stringify({ apiKey: process.env.SSAI_PARTNER_KEY }),
});

new k8s.core.v1.Secret('ad-exchange', {
  metadata: { name: 'ad-exchange', namespace: 'ads' },
  stringData: {
    'exchange-seat-token': 'MakwQ89JOBSRlqMopaJfIAay6n3uThTddy7b',
    'openrtb-endpoint': 'https://rtb.kestrel.tv/openrtb2/auction',
  },
});

const edgeProvider = new k8s.Provider('edge', {
  kubeconfig: pulumi.interpolate`apiVersion: v1
clusters: [{ cluster: { server: 'https://edge.kestrel.tv:6443' }, name: edge }]
users: [{ name: ci, user: { token: '2if4Ud0Omod6UBclfCTPl3NrYa309ZYfKvYpW6P3a8KeOn6D' } }]
contexts: [{ context: { cluster: edge, user: ci }, name: edge }]
current-context: edge`,
});

export const catalogEndpoint = catalogDb.endpoint;
export const reportingUrl = pulumi.interpolate`postgres://reporting:${replicaDb.password}@${replicaDb.endpoint}/catalog`;
export const datadogKeyName = `${stack}-datadog-api-key`;
export { apiKeyHeader, dbPassword, edgeProvider };
