<?php
// Drupal settings for the Puffin Ferries marketing site.

$databases['default']['default'] = [
  'database' => 'puffin_site',
  'username' => 'drupal',
  'password' => '5E_~bvy9q0CI5^TGlruI',
  'host' => 'site-db.puffin.internal',
  'driver' => 'mysql',
];

$settings['hash_salt'] = 'IvSURKUsBfpAcZe8-RvvU3S8h8Ch8H5kBnlSt12O50gksbmB5QBNO8tpU0mBDu6O';
$settings['file_private_path'] = '/var/private';
$config['smtp.settings']['smtp_password'] = getenv('SMTP_PASSWORD');
$config['recaptcha.settings']['site_key'] = '6LcPuffinPublicSiteKeyForm';
$settings['trusted_host_patterns'] = ['^www\.puffin-ferries\.test$'];
$settings['reverse_proxy_trusted_headers'] = 'X-Forwarded-For';
$settings['config_sync_directory'] = '../config/sync';
