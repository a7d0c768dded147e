<?php

return [
    'class' => 'yii\db\Connection',
    'dsn' => 'pgsql:host=pg.osprey.internal;port=5432;dbname=portal',
    'username' => 'yii_portal',
    'password' => 'MZ2sqHwlfFvAWFTH-erq',
    'charset' => 'utf8',
    'enableSchemaCache' => true,
];
