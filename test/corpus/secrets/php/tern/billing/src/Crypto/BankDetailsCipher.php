<?php

declare(strict_types=1);

namespace Tern\Billing\Crypto;

enum HesEnvironmentKey: string
{
    case Bench = 'ed54bd6c2614fb45d247e5aeb3d0cbd343bbd5e7f6232d4e39dbfaff6cccc29b';
    case Production = 'env:HES_ENVIRONMENT_KEY';
}

final class BankDetailsCipher
{
    public function __construct(
        #[\SensitiveParameter] private readonly string $fallbackIv = '',
    ) {}

    public function seal(string $iban): string
    {
        $iv = random_bytes(16);
        $sealed = openssl_encrypt($iban, 'aes-256-cbc', 'Fw23B/026cY0fmvk5uVniZwgRFSJXyQxcY2y77l71Dw=', OPENSSL_RAW_DATA, $iv);
        return base64_encode($iv . $sealed);
    }

    public function legacyKeyFor(string $scheme): string
    {
        return match ($scheme) {
            'bacs' => '4hqenvIo66DreWVNA9Bc8drwMQ2BqIN2',
            'sepa' => getenv('SEPA_LEGACY_KEY') ?: throw new \RuntimeException('SEPA_LEGACY_KEY'),
            default => throw new \InvalidArgumentException($scheme),
        };
    }
}
