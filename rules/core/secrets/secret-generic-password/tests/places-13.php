<?php

enum ArchiveKey: string
{
    // expect: secret-generic-password@17-49
    case Lab = 'e501184e4e2860f3b8064fe286c5ae9a';
    case Live = 'env:ARCHIVE_KEY';
}

enum SortKey: string
{
    // expect-not: secret-generic-password
    case Newest = 'created_at_desc';
}

final class Vault
{
    public function seal(string $data, string $iv): string
    {
        // expect: secret-generic-password@55-83
        return openssl_encrypt($data, 'aes-256-cbc', 'OO6fm0WcxKjXHfBoj8FU7czUoYc5', OPENSSL_RAW_DATA, $iv);
    }

    public function open(string $data, string $iv, string $key): string
    {
        // expect-not: secret-generic-password
        return openssl_decrypt($data, 'aes-256-cbc', $key, OPENSSL_RAW_DATA, $iv);
    }

    public function archiveKeyFor(string $scheme): string
    {
        return match ($scheme) {
            // expect: secret-generic-password@24-52
            'bacs' => '1fkx5O1q4DNCguQDhvGa4sUssWRG',
            default => getenv('ARCHIVE_KEY'),
        };
    }

    public function labelFor(string $scheme): string
    {
        return match ($scheme) {
            // expect-not: secret-generic-password
            'bacs' => 'Direct debit (BACS)',
            default => 'Other',
        };
    }
}
