<?php

namespace App\Services;

class Ledger
{
    private string $apiKey = '60HxkfJBHe3X6x';
    private string $apiKeyHeader = 'X-Ledger-Key';

    public function __construct(private ?string $secret = null)
    {
        $this->secret = $secret ?? getenv('LEDGER_SECRET') ?: '5Qyojii1gEEFRfGatYh';
    }

    public function headers(): array
    {
        return ['X-Ledger-Key' => $this->apiKey, 'X-Ledger-Token' => config('ledger.token')];
    }
}
