# The demo texts: short original essays (navigation, astronomy, cooking,
# gardening, music, programming, maps, weather) that the first-run demo
# index is made from. The GUI carries them as a resource (:/demo, see
# ui/CMakeLists.txt); the package installs them to
# ${CMAKE_INSTALL_DATADIR}/sextant/demo (/usr/share/sextant/demo).
# Keep this list in step with the folder: tst_first_run counts them.
set(SEXTANT_DEMO_TEXTS
  celestial-navigation-at-night.md
  composting.md
  cooking-rice.md
  dead-reckoning.txt
  eclipses.txt
  finding-constellations.md
  first-telescope.md
  growing-tomatoes.txt
  hash-tables.md
  knife-skills.md
  lighthouses-and-pilots.html
  longitude-and-the-chronometer.md
  making-stock.txt
  mercator-projection.md
  pacific-wayfinding.md
  phases-of-the-moon.md
  portolan-charts.md
  pruning-fruit-trees.md
  reading-clouds.md
  rhythm-practice.md
  scales-and-modes.md
  sourdough-starter.md
  surveying-by-triangulation.html
  the-sextant-instrument.md
  tides.txt
  tuning-a-guitar.txt
  unit-testing.txt
  version-control-basics.md
  write-ahead-logging.md
)
set(SEXTANT_DEMO_DIR ${CMAKE_CURRENT_LIST_DIR})
list(LENGTH SEXTANT_DEMO_TEXTS SEXTANT_DEMO_TEXT_COUNT)
list(TRANSFORM SEXTANT_DEMO_TEXTS PREPEND "${SEXTANT_DEMO_DIR}/" OUTPUT_VARIABLE SEXTANT_DEMO_TEXT_PATHS)
install(FILES ${SEXTANT_DEMO_TEXT_PATHS} DESTINATION ${CMAKE_INSTALL_DATADIR}/sextant/demo)
