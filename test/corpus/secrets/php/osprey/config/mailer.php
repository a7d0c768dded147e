<?php

// Symfony Mailer transport of the portal (used through the Yii2 symfonymailer extension)
return [
    'class' => \yii\symfonymailer\Mailer::class,
    'transport' => [
        'dsn' => 'smtp://portal-relay:4-kka2V2RfEqGtQOdZbB@smtp.osprey-port.com:587',
    ],
    'useFileTransport' => false,
];
