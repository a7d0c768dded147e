import { SecretClient } from "@azure/keyvault-secrets";
import { DefaultAzureCredential } from "@azure/identity";
import config from "config";

export const cardApiKey = process.env.CARD_API_KEY!;
export const mapToken = import.meta.env.VITE_MAP_TOKEN as string;
export const ltiKey = config.get<string>("lti.encryptionKey");
const vault = new SecretClient("https://kv-wren-admissions.vault.azure.net", new DefaultAzureCredential());
export const canvasToken = async () => (await vault.getSecret("canvas-admin-token")).value;
export const password = process.env.SIS_PASSWORD ?? "";
export const apiKeyHeaderName = "X-Api-Key";
