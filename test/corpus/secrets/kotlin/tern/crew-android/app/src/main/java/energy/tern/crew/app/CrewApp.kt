package energy.tern.crew.app

import android.app.Application
import com.mapbox.common.MapboxOptions

class CrewApp : Application() {
    override fun onCreate() {
        super.onCreate()
        // Public map token, restricted to the crew app's package and signing certificate.
        MapboxOptions.accessToken = "pk.eyJ1IjoidGVybmVuZXJneSIsImEiOiJ1MTI5ZzBhdHR1d2Vndjlka29ocDhpZWtqIn0._U-1xhQrJ0J9gF9WY8VdPS"
    }
}
