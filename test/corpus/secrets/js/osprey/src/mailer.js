const nodemailer = require('nodemailer');

const transactional = nodemailer.createTransport({
  host: 'smtp.sendgrid.net',
  port: 587,
  auth: { user: 'apikey', pass: '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' },
});

const alerts = nodemailer.createTransport({
  host: 'smtp.fastmail.com',
  port: 465,
  secure: true,
  auth: {
    user: 'alerts@osprey-port.com',
    pass: process.env.ALERTS_SMTP_PASSWORD,
  },
});

async function sendArrivalNotice(to, vessel) {
  return transactional.sendMail({ from: 'Osprey Port <noreply@osprey-port.com>', to, subject: `${vessel.name} is alongside`, text: `ETA ${vessel.eta}` });
}

module.exports = { transactional, alerts, sendArrivalNotice };
