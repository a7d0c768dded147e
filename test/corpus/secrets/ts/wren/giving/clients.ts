// Alumni giving: clients for Blackbaud SKY API (gift records), Resend (receipts), LaunchDarkly (campaign flags),
// Contentful (campaign pages) and Grok (thank-you letter drafts).
import axios from "axios";
import { Resend } from "resend";
import * as LaunchDarkly from "@launchdarkly/node-server-sdk";
import { createClient } from "contentful-management";
import { createXai } from "@ai-sdk/xai";

export const sky = axios.create({
  baseURL: "https://api.sky.blackbaud.com/",
  headers: {
    "Bb-Api-Subscription-Key": "c1226e3a140ddb0f19097889993e361d",
    Accept: "application/json",
  },
});

export const receipts = new Resend("re_DDt0Nu41_TJAFAzR8vW8y5S1bnIU2DA8v");

export const flags = LaunchDarkly.init("sdk-4a176d0c-ecd4-48f7-92a4-20421d830971", {
  stream: true,
});

export const cms = createClient({ accessToken: "CFPAT-SDHgBV_HoBZJEX4HwzEVKCTPbzmF9TlNIPAkNcCbSpA" });

export const letters = createXai({ apiKey: "xai-561NpxtWsLD02IehiAObHeqY2MjgKz451U2TNjIaTF7f03uLnfWeZmbyq1832n19IZKxurdOClGZlGFI" });

export const GIVING_FORM_PUBLISHABLE_KEY = "pk_live_9tqgiRmiEWxQO90FxTkzVRcfZjiD1Xo8HegimDueN2Lwyn96";
export const BB_API_SUBSCRIPTION_KEY_HEADER = "Bb-Api-Subscription-Key";
