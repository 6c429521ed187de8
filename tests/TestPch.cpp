// The translation unit that builds tests/TestPch.h's precompiled header.
