import Constants from 'expo-constants';
import { Platform } from 'react-native';

type ApiConfig = { baseUrl: string; demoToken?: string; appCheckDebugToken?: string };

const prod: ApiConfig = { baseUrl: 'https://selfcare-api.dunlin.net' };

// Demo mode for shop-floor tablets in the retail stores: signs in as the showroom account.
const demo: ApiConfig = {
  baseUrl: 'https://demo.selfcare-api.dunlin.net',
  demoToken:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3B1M2ZhNzQiLCJpc3MiOiJodHRwczovL3Nzby5kdW5saW4ubmV0IiwiYXVkIjoic2VsZmNhcmUtYXBpIiwiaWF0IjoxNzk5NjAxMDc0LCJleHAiOjE4MzExMzcwNzQsInNjb3BlIjoicHJvdmlzaW9uaW5nOndyaXRlIn0.gwYg0etXv0lyY-59iLHuG72EvrXUqi6iYXtsDVQdsRk',
};

export const config: ApiConfig = Constants.expoConfig?.extra?.demo ? demo : prod;

export async function lineCheck(postcode: string): Promise<Response> {
  return fetch(`${config.baseUrl}/v1/line-check?postcode=${encodeURIComponent(postcode)}`, {
    headers: { 'X-Client': `selfcare-${Platform.OS}`, 'X-Api-Version': '3' },
  });
}
