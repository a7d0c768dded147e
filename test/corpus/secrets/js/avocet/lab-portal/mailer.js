const nodemailer = require('nodemailer');
const mailchimp = require('@mailchimp/mailchimp_marketing');

const transport = nodemailer.createTransport('smtps://portal-notify%40avocet.bio:3CwaamV6b7Dgf5gSHeMM@smtp.office365.com:465');

mailchimp.setConfig({
  apiKey: 'feac7e74ea9a52a88cad1552b4efcbf4-us21',
  server: 'us21',
});

async function sendReceipt(to, manifestId) {
  await transport.sendMail({
    from: 'Avocet Sample Portal <portal-notify@avocet.bio>',
    to,
    subject: `Samples received: ${manifestId}`,
    text: 'Your samples arrived at the Avocet receiving dock.',
  });
}

module.exports = { sendReceipt };
