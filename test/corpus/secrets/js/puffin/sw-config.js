// web push for departure-delay notifications
self.PUFFIN_PUSH = {
  vapidPublicKey: 'B-n2HMD9rZFD1O-fehI3_vhkjN29S86zLtPmgNoxxkLJOePSH_LGx430NiQDwKHFkA0JVBfJwKeR0KPy74fs7kWI',
  applicationServerKeyName: 'vapid',
  icon: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAfmMs5CXR2P2MArv+a5LoQAEOLvRgIZa4ii1GCFlWGKR36OVNWp5uZp7zuuus+Wpxqkw/k89KPgdLXAwIiBBubYFv7j+Rq0PYJ7tCkjqzg8LVvld344UFT4qy3Mv4i8MwsgfUDPLzPiqNyg/PJin2ZLGoLvhuUCdA',
  sentryDsn: 'https://ac82285880c70f744394108495e44ff2@o979545.ingest.de.sentry.io/7506256',
  mapboxToken: 'pk.eyJ1IjoicHVmZmluLWZlcnJpZXMiLCJhIjoi7bNCEVWza6bt8L66AWHzmtaxIn0.xyI-Jp7GOeJmFBVzJvGEY3',
  stripePublishableKey: 'pk_live_519kGGEqfpYT8Eg19Pqx1NEeY3M1I3hdlHyUXAp2ykaEDbSPQB7RrUhhUDJ3wvTmktstTXKWDYSG2lgA2amStXGSSVd2uUz8NVo',
  posthogKey: 'phc_ia4vMtscda16mkk4Nx6jPoIp44QYUQ1gTgYII6Z9tA3',
  buildId: 'e052d03a6388697a2f85b55fc9db2cd2f8d301c0',
};
