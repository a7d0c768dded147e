// Vendored copy of a third-party SMTP client; its test credentials are not ours.
var defaults = { host: 'localhost', port: 2525, password: 'Xq2mT9vLr4KpW7zN' };
module.exports = defaults;
