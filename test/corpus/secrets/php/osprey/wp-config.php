<?php
/** Marketing site of Osprey Port (WordPress). */
define( 'DB_NAME', 'osprey_www' );
define( 'DB_USER', 'wp_osprey' );
define( 'DB_PASSWORD', 'E5+LV+A!YKuqIa9r1iew8H' );
define( 'DB_HOST', 'mysql-www.osprey.internal' );

define( 'AUTH_KEY',         'Qkt)M8*-(1#BUt7Y*,9{~,yOwPM}tT<B2{Gq8,T[yIx2bjE#76v2o@~Y]n}0&+w9' );
define( 'SECURE_AUTH_SALT', 'put your unique phrase here' );

$table_prefix = 'osp_';
define( 'WP_DEBUG', false );
require_once ABSPATH . 'wp-settings.php';
