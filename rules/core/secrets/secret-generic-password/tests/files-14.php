<?php
// expect: secret-generic-password@20-40
$CFG->dbpass    = 'J2r2Osjz!kXScIyNYHfp';
$CFG->forced_plugin_settings = [
    'auth_ldap' => [
        // expect: secret-generic-password@24-40
        'bind_pw'  => 'rJ54Wv8k^DVacmUk',
    ],
];
// expect-not: secret-generic-password
$CFG->bypass = 'AdIf2jhIu1bMOx4p7i7v';
