<?php

declare(strict_types=1);

namespace Dunlin\Portal;

use Brevo\Client\Api\TransactionalEmailsApi;
use Brevo\Client\Configuration;
use Illuminate\Support\Facades\Http;

final class Notifier
{
    private const DEMO_TOKEN = <<<'JWT'
    eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcm5oZTJjeWwiLCJpc3MiOiJodHRwczovL3Nzby5kdW5saW4ubmV0IiwiYXVkIjoic2VsZmNhcmUtYXBpIiwiaWF0IjoxODAwNTc1NTE0LCJleHAiOjE4MzIxMTE1MTQsInNjb3BlIjoicHJvdmlzaW9uaW5nOndyaXRlIn0.L1ec1JKTzyMgXMLg9CHpolM0TtEdLppKFXOmqoVPkCo
    JWT;

    public static function mail(): TransactionalEmailsApi
    {
        $config = Configuration::getDefaultConfiguration()->setApiKey('api-key', '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');
        return new TransactionalEmailsApi(null, $config);
    }

    public static function slack(string $text): void
    {
        Http::withToken('xoxb-756174544437-8882137337001-DJYJ1r2PaxxMS93UpSyv667T')
            ->post('https://slack.com/api/chat.postMessage', ['channel' => '#selfcare', 'text' => $text]);
    }

    public static function uploadInvoices(string $dir): void
    {
        $ftp = ftp_ssl_connect('ftps.printhouse.example');
        ftp_login($ftp, 'dunlin', 'a9Z1pXq1_rzBl-Y46P');
        foreach (glob("$dir/*.pdf") as $pdf) {
            ftp_put($ftp, basename($pdf), $pdf, FTP_BINARY);
        }
        ftp_close($ftp);
        $manifest = file_get_contents('ftp://dunlin:_BU_CTMdK.dnLqOL2h@ftp.printhouse.example/manifest.csv');
    }

    public static function mongo(): \MongoDB\Client
    {
        return new \MongoDB\Client('mongodb://portal:9oaST1xSouhsLXVrZs9I@mongo1.selfcare.dunlin.net:27017,mongo2.selfcare.dunlin.net:27017/?replicaSet=rs0');
    }
}
