<?php

return [
    // expect: secret-generic-password@19-58
    'app_key' => 'base64:Wm3Kq8Zt5Lr2Xv7NPn4Rw9Lt6Kz3Xq8M',
    // expect: secret-generic-password@42-58
    'db_password' => env('DB_PASSWORD', 'Tq6Wz2Lm9Rk4Xv7P'),
];

class Ledger
{
    // A property default must be a constant expression: reported, no fix.
    // expect: secret-generic-password@31-47
    private string $apiKey = 'Kv8Rz3Lq6Wt2Xm9N';
}
