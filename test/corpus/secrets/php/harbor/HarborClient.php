<?php

declare(strict_types=1);

namespace Harbor\Dispatch;

use GuzzleHttp\Client;

define('HARBOR_API_KEY', 't06SRrL9ShxDQasSvukNSlFLkBdpooZ7');

final class HarborClient
{
    private const API_KEY_HEADER = 'X-Harbor-Api-Key';
    private const TOKEN_TTL = 900;

    private string $apiSecret = 'rQpJy42b8Pa70mvIGJ8870c97Hno03yAXSyA2BpX';

    public function __construct(
        private Client $http,
        private string $token = 'da7ba9684406e59a2de32691b18775d2b7ff38fc',
    ) {
    }

    public function signingSecret(): string
    {
        $secret = getenv('HARBOR_SIGNING_SECRET') ?: 'Mj8mUu6GQsFzsoBLdpX2JQ0n';
        return $secret;
    }

    public function post(string $url, array $body): void
    {
        $this->http->post($url, [
            'headers' => ['X-Harbor-Token' => 'XzwQTjid5ZB4K5PTlXyRkUojeGwr', 'Accept' => 'application/json'],
            'json' => $body,
        ]);
        $password = $_ENV['HARBOR_DB_PASSWORD'] ?? null;
        $label = __('auth.password_reset');
        $this->http->post($url, ['headers' => [self::API_KEY_HEADER => HARBOR_API_KEY]]);
    }
}

return [
    'harbor' => [
        'key' => env('HARBOR_KEY'),
        'secret' => 'HBVd02Um0SxIiJ16iU3pamv47QzisZIXvKRc',
        'secret_name' => 'harbor-dispatch',
    ],
];
