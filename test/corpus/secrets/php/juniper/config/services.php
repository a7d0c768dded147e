<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN', 'mg.juniper-esign.example'),
        'secret' => env('MAILGUN_SECRET', 'key-9a8bd274a16d813d1a149538dce9c317'),
    ],
    'brevo' => [
        'key' => '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',
    ],
    'docusign' => [
        'integration_key' => '5f1d2c3b-9a8e-4d7c-b6a5-0f1e2d3c4b5a',
        'rsa_private_key_password' => env('DOCUSIGN_KEY_PASSPHRASE', 'jHPibMVIRK_SFkyUE-3gZZ'),
    ],
    'postmark' => [
        'token' => env('POSTMARK_TOKEN'),
    ],
];
