<?php

// expect: secret-generic-password@27-71
$settings['hash_salt'] = 'YJlIKkN1EacXvFQLotSw9+n3bq71IHNZhjDAR44F+dA=';
// expect-not: secret-generic-password
$settings['hash_salt'] = file_get_contents('/var/private/salt.txt');
// expect-not: secret-generic-password
$config['recaptcha.settings']['site_key'] = '6LcExamplePublicSiteKeyForm0aB';
