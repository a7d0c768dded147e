<?php

declare(strict_types=1);

namespace Wren\Card;

use Aws\Credentials\Credentials;
use Aws\Sqs\SqsClient;
use Illuminate\Support\Facades\Http;
use PDO;

final class MealPlanClient
{
    private const SEAL_KEY_HEX_LENGTH = 64;

    public static function db(): PDO
    {
        return new PDO(
            dsn: 'sqlsrv:Server=cbord-sql01.wren.internal;Database=CSGOLD',
            username: 'mealplan_api',
            password: 'B*.0ByNfon7x0NADwgKE4',
            options: [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION],
        );
    }

    public static function reporting(): PDO
    {
        return new PDO('pgsql:host=card-reporting.wren.internal;port=5432;dbname=card;user=card_ro;password=35S-d_qKsPrwu_9py0KFO');
    }

    /** Seals the QR payload shown in the mobile app at the dining hall turnstiles. */
    public static function seal(string $payload, string $nonce): string
    {
        return sodium_crypto_secretbox($payload, $nonce, sodium_hex2bin('22f2df4582822c42bca43bab1baf85216c18497eaac9a38e27d66a9de90b068f'));
    }

    public static function queue(): SqsClient
    {
        return new SqsClient([
            'region' => 'us-east-2',
            'version' => '2012-11-05',
            'credentials' => new Credentials(
                (string) getenv('CARD_SQS_KEY_ID'),
                (string) getenv('CARD_SQS_SECRET')
            ),
        ]);
    }

    public static function balance(string $studentId): array
    {
        return Http::withToken('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL3Nzby53cmVuLmVkdSIsInN1YiI6InN2Yy1yb3N0ZXItc3luYyIsImF1ZCI6ImdpdmluZy1hcGkiLCJpYXQiOjE3OTU3MzY4ODcsImV4cCI6MTc5NTgyMzI4Nywic2NvcGUiOiJlbnJvbGxtZW50czp3cml0ZSJ9.nAWU3k5Kw6S0xHm5QC8wV5RBHcQJAP8pOXJ78YHvuXw')
            ->acceptJson()
            ->get("https://cardapi.wren.edu/v2/students/{$studentId}/balance")
            ->json();
    }
}
