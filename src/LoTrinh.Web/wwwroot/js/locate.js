// "Use my location" on the incident form: the phone's position fills the two fields; without a GPS (or refused) the
// officer types them or picks the commune. The button shows only where the browser can locate.
(function () {
  function init() {
    var button = document.getElementById('locate');
    var status = document.getElementById('locate-status');
    if (!button || !navigator.geolocation) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      status.textContent = 'Đang lấy vị trí…';
      navigator.geolocation.getCurrentPosition(function (position) {
        document.getElementById(button.dataset.lat).value = position.coords.latitude.toFixed(6);
        document.getElementById(button.dataset.lng).value = position.coords.longitude.toFixed(6);
        status.textContent = 'Đã lấy vị trí (sai số khoảng ' + Math.round(position.coords.accuracy) + ' m).';
      }, function (error) {
        status.textContent = 'Không lấy được vị trí: ' + (error.code === 1 ? 'chưa cho phép truy cập vị trí.' : 'thử lại, hoặc chọn xã, phường.');
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
