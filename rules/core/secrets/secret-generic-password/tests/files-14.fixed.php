<?php
// expect: secret-generic-password@20-40
$CFG->dbpass    = getenv('DBPASS');
$CFG->forced_plugin_settings = [
    'auth_ldap' => [
        // expect: secret-generic-password@24-40
        'bind_pw'  => getenv('BIND_PW'),
    ],
];
// expect-not: secret-generic-password
$CFG->bypass = 'AdIf2jhIu1bMOx4p7i7v';
