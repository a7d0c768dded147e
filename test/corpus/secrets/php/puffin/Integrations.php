<?php

declare(strict_types=1);

namespace Puffin\Booking;

use Aws\Credentials\Credentials;
use Firebase\JWT\JWT;
use Predis\Client as Predis;

final class Integrations
{
    public const API_KEY_HEADER = 'X-Puffin-Key';
    public const SECRET_NAME = 'booking/partner-keys';

    public static function cache(): Predis
    {
        return new Predis(['host' => 'cache.puffin.internal', 'password' => getenv('REDIS_PASSWORD')]);
    }

    public static function archive(): Credentials
    {
        return new Credentials(getenv('ARCHIVE_KEY_ID'), getenv('ARCHIVE_SECRET') ?: '');
    }

    public static function sign(string $body): string
    {
        return hash_hmac('sha256', $body, 'lC6Ekdvx73FbkWv4CGERQ9MHE7An4tX5Mtq973sq');
    }

    public static function boardingToken(array $claims): string
    {
        return JWT::encode($claims, $_ENV['BOARDING_JWT_KEY'], 'HS256');
    }

    public static function portFtp(): void
    {
        $conn = ftp_connect('ftp.port-authority.test');
        ftp_login($conn, 'puffin', 'mmT7SwWbRR^wmK_YnrVA');
    }

    public static function bridgeShell(): void
    {
        $c = ssh2_connect('bridge.mv-skerry.fleet.puffin.local', 22);
        ssh2_auth_password($c, 'bridge', 'mzvbH!NX!bSupftkF3kF');
    }

    public static function mongo(): \MongoDB\Client
    {
        return new \MongoDB\Client('mongodb://loyalty:Nu0mz6QtkAhGc.v2z~Ey@mongo-a.puffin.internal:27017/loyalty?authSource=admin');
    }

    public static function shopify(): array
    {
        return ['shop' => 'puffin-merch.myshopify.com', 'access_token' => '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'];
    }

    public static function customs(): \GuzzleHttp\Client
    {
        return new \GuzzleHttp\Client([
            'base_uri' => 'https://customs.border-agency.test/api/',
            'headers' => ['Authorization' => 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcmpncDZ6IiwiaXNzIjoiaHR0cHM6Ly9hdXRoLnB1ZmZpbi1mZXJyaWVzLnRlc3QiLCJhdWQiOiJib29raW5nLWFwaSIsImlhdCI6MTc5NjYyMTM2NiwiZXhwIjoxODI4MTU3MzY2LCJzY29wZSI6ImJvb2tpbmdzOnJlYWQgYm9va2luZ3M6d3JpdGUiLCJqdGkiOiIwZWQwYmU3MS01MzA2LTQ5ZjctYWJiYS1iZDgzNThmM2ViY2UifQ.ZTAuOyQrhhoU0nVsKOB36MFGxEM6pbMOqMSaix4wzFg', 'X-Request-Source' => 'puffin'],
        ]);
    }

    public static function placeholder(): string
    {
        return getenv('PUFFIN_API_KEY') ?: 'changeme';
    }
}

enum Gateway: string
{
    case Adyen = 'adyen';
    case Stripe = 'stripe';
}
