<?php

namespace Juniper\Esign;

final class ArchiveClient
{
    private const SIGNING_SECRET = '060ec0cd90886142c0c70b13b09c64ca91ee9a4f81f34172ef5c4a6852de67e1';
    public const API_KEY_HEADER = 'X-Archive-Key';

    public function __construct(private \PDO $pdo = new \PDO(
        'pgsql:host=pg.internal;dbname=archive',
        'archive',
        'iD8q1mr9XpQrq6HL_OTB1T'
    )) {}

    public function upload(string $path): void
    {
        $ch = curl_init('https://archive.juniper-esign.example/upload');
        curl_setopt($ch, CURLOPT_USERPWD, 'archiver:ohmOGzm2YVyDynszr_YdnT');
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtdXBodm4zbWQiLCJpc3MiOiJodHRwczovL2F1dGguanVuaXBlci1hZ3JpLmV4YW1wbGUiLCJhdWQiOiJmaWVsZGxpbmsiLCJpYXQiOjE3OTY2MDQ2OTMsImV4cCI6MTgyODE0MDY5MywianRpIjoiMThjYzA0ZjYtN2I4MS00NTAwLTlhMGItMjQxNmY3NjkzMzcxIn0.L1qfPCi6XQ6muNzUS_R4xp99DUOY33wabI0mxH6uMVw']);
        curl_exec($ch);
    }
}
