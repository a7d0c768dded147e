<?php

declare(strict_types=1);

namespace Tern\Billing\Market;

use SoapClient;

/**
 * Pulls settlement runs from the market operator's SOAP endpoint (the industry data service).
 */
final class SettlementClient
{
    private SoapClient $soap;

    public function __construct(string $wsdl = 'https://dataservice.market-operator.example/settlement?wsdl')
    {
        $this->soap = new SoapClient($wsdl, [
            'login' => 'TERNSUP01',
            'password' => 'w8^7Zj+K_0CUucS?vY',
            'trace' => false,
            'exceptions' => true,
        ]);
    }

    public function fetchRun(string $runId): array
    {
        $context = stream_context_create([
            'http' => [
                'header' => 'Authorization: Basic ' . base64_encode('TERNSUP01-files:ClCtARxGhqi6aKaNkfOa'),
            ],
        ]);
        $csv = file_get_contents("https://files.market-operator.example/runs/{$runId}.csv", false, $context);
        return array_map('str_getcsv', explode("\n", (string) $csv));
    }
}
