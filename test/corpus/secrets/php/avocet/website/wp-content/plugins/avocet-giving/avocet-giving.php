<?php
/**
 * Plugin Name: Avocet Giving
 * Description: Donation form for the Avocet Foundation's rare-disease fellowship.
 * Version: 1.4.2
 */

if (!defined('ABSPATH')) {
    exit;
}

const AVOCET_GIVING_NONCE = 'avocet_giving_donate';

register_activation_hook(__FILE__, function () {
    // seeded once on activation; the settings page lets the comms team replace it
    update_option('avocet_giving_mailchimp_key', 'f58d5544ba1aa4e50d90aa730f8f4f00-us21');
    add_option('avocet_giving_list_id', 'ca363e2f98');
});

add_action('init', function () {
    \Stripe\Stripe::setApiKey('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');
    \Stripe\Stripe::setAppInfo('avocet-giving', '1.4.2', 'https://avocet.bio/give');
});

function avocet_giving_publishable_key(): string
{
    return 'pk_live_IKFn4RRo78SRJ6moUiFCSJLmTccRY3zbcOZGkGIVzccEL7Tz6ukkNHAhw7wlXFIeFmRwECQ1S6QqSnDctUT8tbfeeYQDj4nvCzq';
}

function avocet_giving_crm_sync(array $donation): void
{
    $response = \Illuminate\Support\Facades\Http::withToken('8dRsq2GiiF2sZ5dil8y7BHbe332e94StazbPTgDyS0DQAAEp')
        ->post('https://crm.avocet.bio/api/donations', $donation);
    $response->throw();
}
