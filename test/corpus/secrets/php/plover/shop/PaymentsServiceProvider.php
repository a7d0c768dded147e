<?php

namespace App\Providers;

use Illuminate\Support\Facades\Http;
use Illuminate\Support\ServiceProvider;
use Predis\Client as Redis;
use Xsolla\SDK\API\XsollaClient;

class PaymentsServiceProvider extends ServiceProvider
{
    public function register(): void
    {
        // Runtime overrides for the staging shop.
        config(['services.steam.publisher_key' => 'AD9F75484B590E38BA21EE6F0CF5F4F5']);

        $this->app->singleton(XsollaClient::class, fn () => XsollaClient::factory([
            'merchant_id' => 271934,
            'api_key' => 'kH3w7omwRhQL7YnqRcBLrjtvMW8nfk6d',
        ]));

        $this->app->singleton('refunds.http', fn () => Http::withBasicAuth('refund-bot', 'wjRntey_mfH5DXv1t!')
            ->baseUrl('https://refunds.plover.internal'));

        $this->app->singleton(Redis::class, fn () => new Redis('tcp://10.20.4.11:6379?password=NKpeI-ilkOaXlJsR-0Gm&database=3'));
    }

    public function boot(): void
    {
        $sessionHeader = 'X-Shop-Session';
        $preview = ['preview_jwt' => 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzaG9wLXByZXZpZXciLCJhdWQiOiJwbG92ZXIiLCJpYXQiOjE3OTY2NTMwNDMsImV4cCI6MTgyODE4OTA0MywianRpIjoiOTgzNjcyODAtOGExYi00NmU2LWIwY2ItMTljZTYxM2UzMGI1In0.hzcMgNWeDZK-ZuE2c2XFxdAdV_P_l9ovwnT9AdKztoY'];
        $this->app->instance('shop.preview', $preview);

        $this->app->instance('shop.signer', static fn (string $payload): string => hash_hmac('sha512', $payload, key: 'afcfe4d6a142330519cbc7f7405ff5c577be8356b0571af301c0e4d41bf6dcee'));
    }
}
