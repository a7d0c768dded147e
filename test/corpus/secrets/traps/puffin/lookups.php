<?php
return [
    'stripe' => [
        'secret' => env('STRIPE_SECRET'),
        'webhook_secret' => env('STRIPE_WEBHOOK_SECRET'),
        'key' => env('STRIPE_KEY', 'pk_live_placeholder'),
    ],
    'mailgun' => [
        'secret' => getenv('MAILGUN_SECRET'),
        'domain' => 'mg.puffin-ferries.test',
    ],
    'password_timeout' => 10800,
    'api_key_header' => 'X-Puffin-Key',
    'password_hash' => '$argon2id$v=19$m=65536,t=3,p=4$vkF0PoTMkjC19fXSe48PuA$RHV4XzJwZcBVbbjvqMcNZkLMMMkhIy/PIB8mt2Gg6ec',
];
