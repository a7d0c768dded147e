<?php
## LibreNMS local overrides (most settings live in the database now: lnms config:set)
$config['base_url'] = '/';
$config['snmp']['community'] = ['s0qVNH2j9LIBjAqZDW'];

$config['snmp']['v3'][0]['authlevel'] = 'authPriv';
$config['snmp']['v3'][0]['authname'] = 'librenms';
$config['snmp']['v3'][0]['authpass'] = 'tts0r3AVKe8QhwvV6w+r';
$config['snmp']['v3'][0]['authalgo'] = 'SHA-256';
$config['snmp']['v3'][0]['cryptopass'] = getenv('LIBRENMS_SNMP_PRIV') ?: '';
$config['snmp']['v3'][0]['cryptoalgo'] = 'AES';

$config['auth_mechanism'] = 'ldap';
$config['auth_ldap_server'] = 'ldaps://ldap.dunlin.net';
$config['auth_ldap_binddn'] = 'cn=librenms,ou=services,dc=dunlin,dc=net';
$config['auth_ldap_bindpassword'] = 'rLRSRS.X4i30@lOql4ArPe';

$config['oxidized']['enabled'] = true;
$config['oxidized']['url'] = 'http://oxidized.noc.dunlin.net:8888';
