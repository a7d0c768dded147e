<?php

namespace Osprey\Portal;

use Brevo\Client\Configuration;
use Flutterwave\Flutterwave;
use Stripe\StripeClient;

final class Payments
{
    public static function stripe(): StripeClient
    {
        return new StripeClient('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');
    }

    public static function flutterwave(): void
    {
        // West African shipping agents pay port dues through Flutterwave (sandbox until go-live)
        Flutterwave::bootstrap(new \Flutterwave\Config\ForkConfig('FLWSECK_TEST-5ce487474c766888c3da442d43fde6f5-X'));
    }

    public static function brevo(): Configuration
    {
        return Configuration::getDefaultConfiguration()->setApiKey('api-key', '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');
    }
}
