<?php

// Local bootstrap for the billing worker; production values come from the container's env.
$_SERVER['PAYMENT_WEBHOOK_SECRET'] ??= '4zf7+fLSEGyKOrCB1z!=1T_FgyqH+Cd^';
$_SERVER['PAYMENT_WEBHOOK_TOLERANCE'] ??= '300';

$squareConfig = [
    'accessToken' => 'EAAAJLvTtkJppGmdzc6IJeEemZr-4ieM-KO1_0GC6_10PqgaluEdSVbKALPsK3UD',
    'environment' => 'production',
];

$odbcIni = <<<'INI'
[tariffs]
Driver = ODBC Driver 18 for SQL Server
Server = tariffs-sql.tern.internal
UID = tariff_reader
PWD = 5ar2O-6~hr+2Ln-xiU
INI;

file_put_contents(sys_get_temp_dir() . '/odbc.ini', $odbcIni);
