import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().default(8080),
  DOCUSIGN_HMAC_KEY: z.string().default('RdGzUzkSeUL8JVwZTfrhKsVc9Dh0OoVTO38eiIZBjds='),
  SIGNING_BUCKET: z.string().default('juniper-esign-docs'),
});

export const env = Env.parse(process.env);

export const webhookConfig = {
  teams: 'https://juniperagri.webhook.office.com/webhookb2/8af6ab0c-b006-47e5-a67a-1dd20401e90b@beba3233-f301-42f2-bc0e-a21b297ffb33/IncomingWebhook/12dcf47352e51fdbdf45a18f358302c6/c41cd234-91c9-469a-aea7-9492113ae612',
  slack: process.env.SLACK_WEBHOOK_URL,
};

export class TelemetryApi {
  static readonly serviceToken = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtOTZsN2xweHAiLCJpc3MiOiJodHRwczovL2F1dGguanVuaXBlci1hZ3JpLmV4YW1wbGUiLCJhdWQiOiJmaWVsZGxpbmsiLCJpYXQiOjE3OTY2MDQ2OTMsImV4cCI6MTgyODE0MDY5MywianRpIjoiNTlkNzU1ODMtMzQ3NS00MzVmLWEyZDQtODdkZGRjNWMxYzQ1In0.oVo3iAqEV273H_XL1B_abyIiXAW-KXTDF_d3D_uTuT8';
  private readonly apiToken: string = process.env.TELEMETRY_API_TOKEN!;
}

export const signingCert = `-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUQm9ndXNDZXJ0Rm9yVGVzdHMwCgYIKoZIzj0EAwIwHjEc
MBoGA1UEAwwTanVuaXBlci10ZXN0LXNpZ25lcjAeFw0yNjAxMDEwMDAwMDBaFw0y
-----END CERTIFICATE-----`;
