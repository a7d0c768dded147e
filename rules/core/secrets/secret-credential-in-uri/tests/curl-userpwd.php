<?php
// libcurl's user:password option (CURLOPT_USERPWD, the proxy's too): the password after the colon.
// expect: secret-credential-in-uri@41-53
curl_setopt($ch, CURLOPT_USERPWD, 'shop:Ny5vK8qT3wZ6');
// expect: secret-credential-in-uri@56-68
curl_setopt_array($ch, [CURLOPT_PROXYUSERPWD => 'proxy:Hb3mW9xR5tL2']);
// expect-not: secret-credential-in-uri
curl_setopt($ch, CURLOPT_USERPWD, "$user:$password");
// expect-not: secret-credential-in-uri
curl_setopt($ch, CURLOPT_USERPWD, 'shop:' . getenv('SHOP_PASSWORD'));
