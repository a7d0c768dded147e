<?php

// expect: secret-generic-password@27-71
$settings['hash_salt'] = getenv('HASH_SALT');
// expect-not: secret-generic-password
$settings['hash_salt'] = file_get_contents('/var/private/salt.txt');
// expect-not: secret-generic-password
$config['recaptcha.settings']['site_key'] = '6LcExamplePublicSiteKeyForm0aB';
