<?php

declare(strict_types=1);

use Symfony\Config\SecurityConfig;

return static function (SecurityConfig $security): void {
    $security->provider('ops_users')
        ->memory()
        ->user('ops')
        ->password('$2y$13$E0Xud8VeUPvhbcsSpj41XfQG9zrYh5cFAFx2z3ujfTRViotm6MlIq')
        ->roles(['ROLE_OPS']);

    $security->firewall('api')
        ->pattern('^/api')
        ->stateless(true)
        ->accessToken()
        ->tokenHandler('App\Security\ApiTokenHandler');
};
