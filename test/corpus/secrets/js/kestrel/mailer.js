const nodemailer = require('nodemailer');

// Transactional mail for subscription receipts.
const transport = nodemailer.createTransport({
  host: 'smtp.sendgrid.net',
  port: 587,
  secure: false,
  auth: {
    user: 'apikey',
    pass: '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',
  },
});

const fallback = nodemailer.createTransport('smtps://receipts%40kestrel.tv:SBYtjh5RwAKjjB8lHb.l@smtp.eu.mailgun.org:465');

const mailgunDomainKey = { domain: 'mg.kestrel.tv', key: 'key-8d18b605cd1a2af2230ecf5ece59f82f' };

module.exports = { transport, fallback, mailgunDomainKey };
