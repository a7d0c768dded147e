import { PlayFab, PlayFabAdmin, PlayFabServer } from 'playfab-sdk';
import axios from 'axios';
import Stripe from 'stripe';

// Title settings for the live-ops console. The title id is public (it ships in the client).
PlayFab.settings.titleId = 'C1017';
PlayFab.settings.developerSecretKey =
  '92UHWUY2FVKWRJAUK4S4B4IOE1QM4VWB5FU3FLK4O2JGJKNH2U4O';

export const PLAYFAB_SECRET_HEADER = 'X-SecretKey';

axios.defaults.headers.common['X-Liveops-Admin-Token'] = '3cJ29w28VQrsE19532xvavwJI68dutcy5YCZ';

export class EconomyService {
  accessor catalogSigningSecret = 'JPIlHmW4LAFUqG6Uo7ayAphQWU3cUsYSaRDocl2qfTk=';

  constructor(private readonly stripe = new Stripe('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', { apiVersion: '2024-06-20' })) {}

  verifyWebhook(body: string, signature: string) {
    return this.stripe.webhooks.constructEvent(body, signature, 'whsec_0zToYdhtWn2GtipdREPj6IEnDr5Ivbx5');
  }
}

export const adminUrl = new URL('https://admin:changeme@liveops.local');
adminUrl.password = 'lP!XhR.1lu~k.Dw-pxyk';

export async function grantItems(playerId: string, itemIds: string[]) {
  return new Promise((resolve, reject) =>
    PlayFabServer.GrantItemsToUser({ PlayFabId: playerId, ItemIds: itemIds }, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

export const banReasons = { cheat: 'Cheating detected by anti-cheat', toxic: 'Chat abuse' } as const;
export { PlayFabAdmin };
