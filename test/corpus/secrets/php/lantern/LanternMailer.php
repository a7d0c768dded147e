<?php

declare(strict_types=1);

namespace Lantern\Notifications;

use GuzzleHttp\Client;
use MailchimpMarketing\ApiClient;
use PDO;

final class LanternMailer
{
    public const API_KEY_HEADER = 'X-Lantern-Api-Key';
    private const SMTP_PASSWORD_ENV = 'LANTERN_SMTP_PASSWORD';
    private const PASSWORD_MIN_LENGTH = 12;

    private string $mandrillKey = 'MNCtnJt1lznLIG6UEDWXLZ';

    public function __construct(
        private readonly string $webhookSecret = '4093343cd4eafca3c351a4196359f8f627095715',
        private readonly ?string $apiToken = null,
    ) {
        $this->apiToken ??= getenv('LANTERN_API_TOKEN') ?: null;
    }

    public function mailchimp(): ApiClient
    {
        $client = new ApiClient();
        $client->setConfig([
            'apiKey' => '041cfe34ff1e49e1d43e788ec0ac4d91-us17',
            'server' => 'us14',
        ]);
        return $client;
    }

    public function db(): PDO
    {
        return new PDO('pgsql:host=pg.lantern.internal;dbname=notifications', 'notifier', 'or_Z7yCdzdXM!3vxmO0g');
    }

    public function postmark(): Client
    {
        return new Client([
            'base_uri' => 'https://api.postmarkapp.com',
            'headers' => [
                'X-Postmark-Server-Token' => $_ENV['POSTMARK_TOKEN'] ?? 'rh6X3frO1epACcRgcShcpPqbD79LHUG1X2DA',
                'Accept' => 'application/json',
            ],
        ]);
    }

    public function sentryRelease(): array
    {
        return [
            'dsn' => 'https://9a8b7c6d5e4f40312a1b2c3d4e5f6a7b@o998877.ingest.sentry.io/4501234',
            'auth_token' => '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',
        ];
    }
}

$config = [
    'database' => [
        'url' => 'mysql://notifier:qz6-Sw1ESVSJgZ9g@mysql.lantern.internal/notifications',
        'password_env' => 'DB_PASSWORD',
    ],
    'jwt' => [
        'secret' => env('JWT_SECRET', 'K9wb/zziTQPNDzIt4Cpfdttbq+M9SFTcsQe9BgSvNp/6HZxBGnaKntR5py7m6dlN'),
        'ttl' => 60,
    ],
    'avatar_placeholder' => 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
];

define('LANTERN_LEGACY_TOKEN', 'EDkpYbQBkUeyfS3mRAyZPg5t1ZCDbuLP');
