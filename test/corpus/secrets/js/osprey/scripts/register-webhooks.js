#!/usr/bin/env node
// One-off: posts the berth-change notifications to the shipping lines' chat channels.
const channels = [
  { line: 'Nordlys Shipping', url: 'https://discord.com/api/webhooks/5793527941447797274/OzShVaKHqHoAv946Fz34QTBMBbTqwMgTHLXbcZpZNubRE4T4yFChJp1qZ-VAmJhhFKnL' },
  { line: 'Baltic Feeder Co', url: 'https://ospreyport.webhook.office.com/webhookb2/bea43b15-8044-433c-9247-e18b90914e8a@3d9098d5-cb00-47f7-83ae-6d44a59e989d/IncomingWebhook/d16c02758f9477d6df2404d74ccd47b2/1c385426-fbc5-4c60-8169-a225c62f220b' },
];

async function main() {
  for (const { line, url } of channels) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: `Osprey berth notifications enabled for ${line}` }) });
    console.log(line, res.status);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
