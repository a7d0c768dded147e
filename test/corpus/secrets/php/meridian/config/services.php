<?php

return [

    /*
    |--------------------------------------------------------------------------
    | Third Party Services
    |--------------------------------------------------------------------------
    | Keep the defaults empty: values come from the environment. (Two were
    | left in during the clearinghouse migration.)
    */

    'stripe' => [
        'key' => env('STRIPE_KEY', 'pk_live_51Hx' . 'publishable'),
        'secret' => env('STRIPE_SECRET', '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'),
        'webhook' => [
            'secret' => env('STRIPE_WEBHOOK_SECRET'),
            'tolerance' => env('STRIPE_WEBHOOK_TOLERANCE', 300),
        ],
    ],

    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN', 'mg.meridianhealth.example'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => 'api.eu.mailgun.net',
    ],

    'twilio' => [
        'sid' => env('TWILIO_SID'),
        'token' => 'cf584be5997e3d76fd78b8dac8ca8870',
        'from' => '+441234567890',
    ],

    'clearinghouse' => [
        'username' => 'meridian',
        'password' => env('CLEARINGHOUSE_PASSWORD', 'UXPGAKXP0Ofgufzapo~cIxl'),
        'password_expires_days' => 90,
    ],
];
